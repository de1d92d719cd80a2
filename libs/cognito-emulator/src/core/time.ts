/** Internal times are epoch milliseconds; the awsJson wire wants epoch seconds. */
export const toEpochSeconds = (ms: number) => Math.round(ms) / 1000;
export const nowSeconds = (ms: number) => Math.floor(ms / 1000);
