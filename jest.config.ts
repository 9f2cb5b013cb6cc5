import { getJestProjectsAsync } from '@nx/jest';

// `npx jest` at the root runs every project; `npm test` goes through Nx so each
// project's target settings (the API's ESM mode) apply.
export default async () => ({
  projects: await getJestProjectsAsync(),
});
