// Runs the app as its own process (for crash tests): environment in, "ready" on stdout when listening.
import { startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

const app = await startApp(loadConfig(), createLogger('warn'));
console.log(`ready ${app.url}`);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
