// Placeholder until the alerts issue lands: the scheduled alert job's Lambda entry point.
export const handler = async (): Promise<{ emailsSent: number }> => ({ emailsSent: 0 });
