import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import { acknowledge } from '../nag.js';

export interface AuthStackProps extends StackProps {
  stage: string;
  /** Hosted sign-in domain prefix; defaults to `peopleplan-<stage>-<account id>`. */
  domainPrefix: string | undefined;
}

/**
 * The Cognito user pool. Accounts are created by council administrators (no self sign-up); access comes
 * from groups named `council:<id>:<role>` and `partnership:<id>:partner-reader`, which Cognito puts in the
 * tokens' `cognito:groups` claim. The web app's OAuth client lives in the web stack, because its callback
 * URLs need the CloudFront domain.
 */
export class AuthStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;
  readonly issuer: string;

  constructor(scope: Construct, id: string, props: AuthStackProps) {
    super(scope, id, props);

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `peopleplan-${props.stage}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: false, mutable: true },
      },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Plus tier: compromised-credential detection and adaptive authentication, enforced (blocks risky
      // sign-ins rather than only logging them).
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userInvitation: {
        emailSubject: 'Your PeoplePlan account',
        emailBody:
          'You have been given access to PeoplePlan. Your username is {username} and your temporary password is {####}. You will be asked to choose a new password when you first sign in.',
      },
      deletionProtection: true,
      // Users and their group memberships are not re-creatable from code.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.userPool, {
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by product decision (councillors and occasional contributors sign in rarely); TOTP is offered to everyone and threat protection is enforced on every sign-in.',
    });

    this.domain = this.userPool.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.domainPrefix ?? `peopleplan-${props.stage}-${this.account}` },
    });
    this.issuer = `https://cognito-idp.${this.region}.${this.urlSuffix}/${this.userPool.userPoolId}`;

    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'HostedSignInDomain', { value: this.domain.baseUrl() });
  }
}
