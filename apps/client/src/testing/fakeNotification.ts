/**
 * Stands in for the browser's Notification API: the test says what the person answers when
 * asked (`answer`) and reads what was shown. Installed on `window` by `installFakeNotification`.
 */
export class FakeNotification {
  static permission: NotificationPermission = 'default';
  /** What the person answers when the page asks. */
  static answer: NotificationPermission = 'granted';
  static asked = 0;
  static readonly shown: FakeNotification[] = [];

  static async requestPermission(): Promise<NotificationPermission> {
    FakeNotification.asked += 1;
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.permission;
  }

  onclick: (() => void) | null = null;
  closed = false;

  constructor(
    readonly title: string,
    readonly options: NotificationOptions = {},
  ) {
    FakeNotification.shown.push(this);
  }

  close() {
    this.closed = true;
  }
}

/** Puts the fake in `window.Notification`, as it was first set; the returned function removes it. */
export function installFakeNotification(permission: NotificationPermission = 'default') {
  FakeNotification.permission = permission;
  FakeNotification.answer = 'granted';
  FakeNotification.asked = 0;
  FakeNotification.shown.length = 0;
  Object.defineProperty(window, 'Notification', {
    configurable: true,
    writable: true,
    value: FakeNotification,
  });
  return () => {
    delete (window as { Notification?: unknown }).Notification;
  };
}
