import type { CSSProperties } from 'react';
import { avatarHue, initials } from './avatarLook';

export interface AvatarProps {
  /** The identity id the colour comes from; without one (older messages) the chip is grey. */
  identityId: string | undefined;
  name: string;
}

/** A person's colour chip with their initials; decorative, since the name is always beside it. */
export function Avatar({ identityId, name }: AvatarProps) {
  const hue = identityId === undefined ? undefined : avatarHue(identityId);
  return (
    <span
      className={hue === undefined ? 'avatar unknown' : 'avatar'}
      style={hue === undefined ? undefined : ({ '--hue': hue } as CSSProperties)}
      aria-hidden="true"
    >
      {initials(name)}
    </span>
  );
}
