import { type App, Validations } from 'aws-cdk-lib';
import nag from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Runs both cdk-nag packs on the app; returns the unacknowledged findings. */
export function nagFindings(app: App) {
  return [new nag.AwsSolutionsChecks(), new nag.ServerlessChecks()].flatMap((pack) =>
    pack.validateScope(app).violations.map((violation) => ({
      rule: violation.ruleName,
      severity: violation.severity,
      paths: violation.violatingResources.map((resource) => resource.constructPath),
    })),
  );
}

/** Every acknowledgement recorded in the construct tree, with its reason. */
export function acknowledgements(root: IConstruct) {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, unknown>).map(([id, reason]) => ({
          path: construct.node.path,
          id,
          reason: typeof reason === 'string' ? reason : JSON.stringify(reason),
        })),
      ),
  );
}
