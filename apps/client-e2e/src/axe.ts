import type { Page } from 'playwright-core';

/** The WCAG 2.x A and AA rules (2.0, 2.1 and 2.2's additions). */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare const axe: {
  run(context: Document, options: object): Promise<{ violations: AxeViolation[] }>;
};

/** One line per violation, with where: enough to find and fix it without rerunning. */
function describe(violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const targets = violation.nodes
        .slice(0, 3)
        .map((node) => JSON.stringify(node.target))
        .join(', ');
      return `${violation.id} (${violation.impact}): ${violation.help} at ${targets}`;
    })
    .join('\n');
}

/** Runs axe-core's WCAG A/AA rules on the page as it is; fails listing every violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // Injected once per document; a reload drops it, so look before adding it again.
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  const violations = await page.evaluate(
    async (tags) =>
      (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(
        ({ id, impact, help, nodes }) => ({
          id,
          impact,
          help,
          nodes: nodes.map(({ target }) => ({ target })),
        }),
      ),
    WCAG_TAGS,
  );
  if (violations.length > 0) throw new Error(`axe found:\n${describe(violations)}`);
}
