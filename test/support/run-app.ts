// Runs the app as its own process (for crash tests): environment in, "ready" on stdout when listening.
import { startApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

// RUN_APP_OPTIONS: AppOptions as JSON (e.g. Telegram pacing for tests that do not wait for the real pace).
const options = process.env.RUN_APP_OPTIONS ? JSON.parse(process.env.RUN_APP_OPTIONS) : {};
const app = await startApp(loadConfig(), createLogger('warn'), options);
console.log(`ready ${app.url}`);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
