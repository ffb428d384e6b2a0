import {
  Aws,
  CfnOutput,
  Duration,
  aws_dynamodb as dynamodb,
  aws_events as events,
  RemovalPolicy,
  Stack,
  type StackProps,
  aws_s3 as s3,
  aws_ses as ses,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { TABLE_DEFINITION } from '#shared/storage/table.ts';
import {
  CHECKED_DRAFT_EXPIRY_DAYS,
  CHECKED_DRAFT_TAG,
  CHECKED_PREFIX,
  PENDING_UPLOAD_EXPIRY_DAYS,
  PENDING_UPLOAD_TAG,
  UPLOAD_PREFIX,
} from '#shared/storage/upload-lifecycle.ts';
import { type Deployment, resourceNames, sesSettings, stageSettings } from './config.ts';
import { protectDocumentsBucket } from './malware-protection.ts';
import { acknowledge } from './nag.ts';

export interface StatefulStackProps extends StackProps {
  deployment: Deployment;
}

const stringKey = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });

/**
 * What holds data and outlives deployments: the single table, the documents bucket (justificatifs
 * and generated PDFs) with its access-log bucket and its malware protection plan, and the SES
 * sender identity. In prod every
 * resource is retained when the stack is deleted and the table is deletion-protected.
 */
export class StatefulStack extends Stack {
  readonly table: dynamodb.Table;
  readonly documentsBucket: s3.Bucket;
  readonly senderIdentity: ses.EmailIdentity;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { deployment } = props;
    const settings = stageSettings(deployment.stage);
    const removalPolicy = settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const names = resourceNames(deployment.stage);

    // Encryption at rest with the AWS owned key (DynamoDB's default): no key to administer, no
    // per-request KMS cost, and nothing outside this table's IAM grants can read it anyway.
    this.table = new dynamodb.Table(this, 'Table', {
      tableName: names.table,
      partitionKey: stringKey(TABLE_DEFINITION.partitionKey),
      sortKey: stringKey(TABLE_DEFINITION.sortKey),
      timeToLiveAttribute: TABLE_DEFINITION.timeToLiveAttribute,
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: settings.retainData,
      removalPolicy,
    });
    for (const index of TABLE_DEFINITION.globalSecondaryIndexes)
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: stringKey(index.partitionKey),
        sortKey: stringKey(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      });

    // Server access logs must go to an SSE-S3 bucket (S3 cannot deliver them to SSE-KMS targets).
    const accessLogsBucket = new s3.Bucket(this, 'AccessLogsBucket', {
      bucketName: names.accessLogsBucket,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(settings.accessLogRetentionDays) }],
      removalPolicy,
      autoDeleteObjects: !settings.retainData,
    });
    acknowledge(
      accessLogsBucket,
      'AwsSolutions-S1',
      'This bucket is the target of the documents bucket access logs; logging it into itself would loop.',
    );

    // SSE-S3 rather than SSE-KMS: browsers upload and download through presigned POST/GET, which
    // with a KMS key would need kms:GenerateDataKey/Decrypt on every signing role and add a KMS call
    // per object; SSE-S3 encrypts at rest (AES-256) with no key policy to get wrong.
    this.documentsBucket = new s3.Bucket(this, 'DocumentsBucket', {
      bucketName: names.documentsBucket,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogsBucket,
      serverAccessLogsPrefix: 'documents/',
      cors: [
        {
          // Presigned POST (upload form) and presigned GET (download) straight from the front end.
          allowedOrigins: deployment.frontEndOrigins,
          allowedMethods: [s3.HttpMethods.POST, s3.HttpMethods.GET, s3.HttpMethods.HEAD],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag', 'Content-Disposition'],
          maxAge: 600,
        },
      ],
      lifecycleRules: [
        {
          // Uploads never checked (a checked document is copied under CHECKED_PREFIX, which this
          // rule does not reach, so a draft's checked files outlive it).
          id: 'expire-unattached-uploads',
          prefix: UPLOAD_PREFIX,
          tagFilters: { [PENDING_UPLOAD_TAG.key]: PENDING_UPLOAD_TAG.value },
          expiration: Duration.days(PENDING_UPLOAD_EXPIRY_DAYS),
        },
        {
          // Checked files of requests never submitted (the submission clears the tag).
          id: 'expire-checked-files-of-abandoned-drafts',
          prefix: CHECKED_PREFIX,
          tagFilters: { [CHECKED_DRAFT_TAG.key]: CHECKED_DRAFT_TAG.value },
          expiration: Duration.days(CHECKED_DRAFT_EXPIRY_DAYS),
        },
        {
          id: 'purge-old-versions',
          noncurrentVersionExpiration: Duration.days(90),
          expiredObjectDeleteMarker: true,
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      removalPolicy,
      // A dev stage is disposable: `cdk destroy` empties the versioned bucket (every version)
      // through CDK's custom resource, instead of failing on a non-empty bucket.
      autoDeleteObjects: !settings.retainData,
    });

    protectDocumentsBucket(this, this.documentsBucket);

    this.configurationSet = this.createConfigurationSet(names.sesConfigurationSet, removalPolicy);
    this.senderIdentity = this.createSenderIdentity(deployment, removalPolicy);
  }

  /**
   * Every email goes through this configuration set: TLS required, reputation metrics (the bounce
   * and complaint alarms), the account's suppression list, and its delivery, bounce, complaint and
   * reject events on the default EventBridge bus (the only bus SES publishes to), where the API
   * stack's rule records them on the emails.
   */
  private createConfigurationSet(name: string, removalPolicy: RemovalPolicy) {
    const configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: name,
      reputationMetrics: true,
      sendingEnabled: true,
      tlsPolicy: ses.ConfigurationSetTlsPolicy.REQUIRE,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    configurationSet.addEventDestination('DeliveryEvents', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultEventBus', 'default'),
      ),
      events: [
        ses.EmailSendingEvent.DELIVERY,
        ses.EmailSendingEvent.BOUNCE,
        ses.EmailSendingEvent.COMPLAINT,
        ses.EmailSendingEvent.REJECT,
      ],
    });
    configurationSet.applyRemovalPolicy(removalPolicy);
    return configurationSet;
  }

  /**
   * A domain identity rather than one address: Easy DKIM (2048-bit) signs with the domain and a
   * custom MAIL FROM subdomain aligns SPF, so strict DMARC passes. The DNS records to publish are
   * stack outputs; SES verifies the domain once they resolve.
   */
  private createSenderIdentity(deployment: Deployment, removalPolicy: RemovalPolicy) {
    const { domain, mailFromDomain } = sesSettings(deployment);
    const identity = new ses.EmailIdentity(this, 'SenderIdentity', {
      identity: ses.Identity.domain(domain),
      configurationSet: this.configurationSet,
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain,
      // Until the MX record resolves, send with SES's own MAIL FROM rather than refuse to send.
      mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
    });
    identity.applyRemovalPolicy(removalPolicy);
    const record = (id: string, description: string, value: string) =>
      new CfnOutput(this, id, { description, value });
    const dkim = [
      [identity.dkimDnsTokenName1, identity.dkimDnsTokenValue1],
      [identity.dkimDnsTokenName2, identity.dkimDnsTokenValue2],
      [identity.dkimDnsTokenName3, identity.dkimDnsTokenValue3],
    ];
    for (const [index, [name, value]] of dkim.entries())
      record(
        `DnsDkim${index + 1}`,
        `DNS record ${index + 1}/3 of Easy DKIM (publish as is)`,
        `${name} CNAME ${value}`,
      );
    record(
      'DnsMailFromMx',
      'DNS record of the MAIL FROM domain (bounces)',
      `${mailFromDomain} MX 10 feedback-smtp.${Aws.REGION}.amazonses.com`,
    );
    record(
      'DnsMailFromSpf',
      'DNS record of the MAIL FROM domain (SPF)',
      `${mailFromDomain} TXT "v=spf1 include:amazonses.com ~all"`,
    );
    record(
      'DnsDmarc',
      'DMARC policy of the sending domain, if it has none yet (start with p=none to observe)',
      `_dmarc.${domain} TXT "v=DMARC1; p=quarantine; adkim=r; aspf=r"`,
    );
    return identity;
  }
}
