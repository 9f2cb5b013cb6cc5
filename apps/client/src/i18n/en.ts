/**
 * The English messages. Each is its own key, as in gettext: components say `t('Clicks so far')`,
 * so English costs the first load only its words — keys like 'counter.heading' beside a
 * catalogue of English values would add over 1 kB gzipped to a budget of 96.8 kB that React and
 * Socket.IO nearly fill (for the same reason there is no React i18n library here).
 *
 * `{name}` is a placeholder, `{at, time}` one shown as a time of day. The sentences for the
 * server's error codes are the server's own English. This list is for the type checker and the
 * catalogue test: it is never imported at run time, so it costs the bundle nothing.
 */
export const ENGLISH_MESSAGES = [
  'Live counter',
  '({count}) {title}',

  'Language',

  'Room {room}',
  '{room} · Live',
  'Rooms',
  'Copy link',
  'Copied',
  'Copy this link:',
  'New room',
  'Recent',
  'Lobby',
  'No room at this address',
  'Room links look like {example}: 1 to {max} letters a–z, digits or hyphens.',
  'Go to the lobby',

  'Connecting…',
  'Reconnecting…',
  'Offline.',
  'Try again',
  'The connection to the server was lost.',
  'The connection to the server failed.',
  'The server stopped answering.',
  'The server closed the connection.',
  'The server sent something the app could not read.',
  'Can’t reach the server; trying again…',
  'Can’t reach the server.',
  'Too many connections from your address; close another tab or try later',

  'You are offline.',
  'The connection dropped before the server answered.',
  'The server did not answer in time.',
  'You are going too fast; try again shortly',
  'You are going too fast; try again in {seconds} s',
  'You are going too fast; sending again in {seconds} s',
  'You are muted until {until, time}',
  'Only a moderator may do this',
  'The store is unavailable; nothing was recorded. Try again shortly.',
  'Something went wrong on the server; try again.',
  'That message was deleted by a moderator; send it again as a new message',
  'No message has this id',
  // The server's words, for a validation detail (which rule a name broke) or a code this
  // client does not know: nothing structured says more.
  '{detail}',

  'Clicks so far',
  'Click +1',
  'Clicks start once connected.',
  'Clicks are paused until the connection is back.',
  'Clicks are paused while offline.',
  'Your click was not counted: {reason}',
  'A moderator reset the counter.',
  'Reset the counter to 0 for everyone?',
  'Reset counter to 0',
  'Not reset: {reason}',

  'Chat',
  'Messages',
  'Just posted',
  '{author}: {text}',
  'Not deleted: {reason}',
  'Load older messages',
  'Loading…',
  'This is the start of the chat.',
  'No messages yet. Everyone here shares one counter: each Click +1 adds to it for all. Write below to chat with them, and say hello!',
  'New messages ↓',
  '{from} is now {to}',
  'Sending…',
  'Waiting for connection…',
  'Not sent: {reason}',
  'Retry',
  'Message deleted',
  'edited {time}',
  'Edit',
  'Delete',
  'Edit your message “{excerpt}”',
  'Delete your message “{excerpt}”',
  'Delete {author}’s message “{excerpt}”',
  'Delete {author}’s message for everyone?',
  'mentions you',

  'Message',
  'Write a message…',
  'Send',
  'Offline: messages are kept and sent once the connection is back.',
  'Cut to {count} characters',
  '{length}/{max}',

  'Edit your message',
  'Save',
  'Cancel',
  'Enter saves, Escape cancels',
  'Not saved: {reason}',

  'Notify me when someone mentions me',
  'Notifications are blocked for this page in the browser’s settings.',
  '{author} mentioned you',

  'People here',
  'you',
  'moderator',
  'muted until {until, time}',
  '+ {count} more',
  '{count} online',
  '– online',
  'You are {name}',
  '{name} is typing…',
  '{first} and {second} are typing…',
  'Several people are typing…',

  'Name',
  'Guest',
  'Use “{suggestion}”',
  'The name “{name}” is taken.',

  'Yes',
  'No',
  'That moderator token was refused; you are connected without it.',
  'Mute…',
  'Mute {name}',
  'Unmute',
  'Unmute {name}',
  'Mute {name} for',
  'For',
  'Mute {name} for {duration}?',
  'Not changed: {reason}',
  '{count} minutes',
  '{count} hours',
  '{count} days',
] as const;

/**
 * Messages said differently by count: the key is the `other` form. Picked with
 * Intl.PluralRules; the only English needed at run time besides the keys themselves.
 */
export const ENGLISH_PLURALS = {
  'Cut to {count} characters': {
    one: 'Cut to {count} character',
    other: 'Cut to {count} characters',
  },
  '+ {count} more': { one: '+ {count} more', other: '+ {count} more' },
  '{count} online': { one: '{count} online', other: '{count} online' },
  '{count} minutes': { one: '{count} minute', other: '{count} minutes' },
  '{count} hours': { one: '{count} hour', other: '{count} hours' },
  '{count} days': { one: '{count} day', other: '{count} days' },
} as const;
