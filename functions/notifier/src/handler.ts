// Placeholder until the alerts issue lands: the SQS-driven email notifier's Lambda entry point.
export const handler = async (): Promise<void> => {};
