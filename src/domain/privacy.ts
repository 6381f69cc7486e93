/** Version of the privacy statement a person consents to; bump it when the statement changes. */
export const CONSENT_VERSION = '2026-11';
