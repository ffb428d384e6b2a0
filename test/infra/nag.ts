import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

/** Findings of CDK's built-in CloudFormation validation (schema checks), from the assembly's report. */
export function cloudFormationFindings(assemblyDirectory: string) {
  const file = join(assemblyDirectory, 'validation-report.json');
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    pluginReports: { pluginName: string; violations: { ruleName: string; description: string }[] }[];
  };
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.map(
      (violation) => `${plugin.pluginName} ${violation.ruleName}: ${violation.description}`,
    ),
  );
}
