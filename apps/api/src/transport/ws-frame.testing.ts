import * as ws from 'ws';

interface FrameOptions {
  fin: boolean;
  opcode: number;
  mask: boolean;
  readOnly: boolean;
  rsv1: boolean;
}
/** ws's own frame builder: exported by ws, missing from its type definitions. */
const { Sender } = ws as unknown as {
  Sender: { frame(data: Buffer, options: FrameOptions): Buffer[] };
};

/** How ws frames `payload` as a server's text message: [header, payload]. */
export function wsTextFrame(payload: Buffer): Buffer[] {
  return Sender.frame(payload, { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false });
}
