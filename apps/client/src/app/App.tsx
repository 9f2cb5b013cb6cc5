import { LIMITS } from '@live/shared-events';

export function App() {
  return (
    <main>
      <h1>Live counter</h1>
      <p>Messages up to {LIMITS.messageMaxLength} characters.</p>
    </main>
  );
}
