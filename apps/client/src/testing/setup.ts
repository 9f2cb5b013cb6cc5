import '@testing-library/jest-dom';
import { resetChatMessages } from './fakeSocket';

// Whatever one test leaves behind, the next starts from a clean page.
afterEach(() => {
  jest.useRealTimers();
  localStorage.clear();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
  resetChatMessages();
});
