/**
 * The fixed, fake AWS environment the synthesised policies are resolved into. Nothing here is a real
 * account: these values only make the ARNs concrete so IAM conditions and resources can be matched.
 */

/** AWS's own documentation account id: can never be a real PeoplePlan account. */
export const FAKE_ACCOUNT = '111122223333';
export const FAKE_REGION = 'eu-west-2';
export const PARTITION = 'aws';
/** The stage the app is synthesised as (part of every stack and physical name). */
export const SYNTH_STAGE = 'local';
/** The role-session name of the process's own identity when it is evaluated as a role (Lambda uses the function name). */
export const PROCESS_SESSION_NAME = 'peopleplan-local';
/** `off` disables the evaluating layer (`npm start` can run without it). */
export const EVALUATION_SWITCH = 'PEOPLEPLAN_IAM_EVALUATION';

export function evaluationEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !['off', 'false', '0'].includes((env[EVALUATION_SWITCH] ?? '').trim().toLowerCase());
}
