/** The smallest Lambda handler: what `npm run bench infra` sets each function's init time against. */
export const handler = async () => ({ statusCode: 200 });
