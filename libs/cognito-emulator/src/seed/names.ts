/** The seeded pools' names (the seed finds its pools by name: it is idempotent). */
export const OPERATOR_POOL_NAME = 'poolkeeper-operators';
export const DEMO_POOL_NAME = 'Acme Customers';
/** The second demo pool: Essentials feature plan, no threat protection. */
export const GLOBEX_POOL_NAME = 'Globex Partners';
