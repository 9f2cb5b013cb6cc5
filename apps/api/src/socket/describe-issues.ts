/** One readable sentence from zod issues; the shared schemas' messages each name their field. */
export function describeIssues(issues: readonly { message: string }[]): string {
  return issues.map((issue) => issue.message).join('; ');
}
