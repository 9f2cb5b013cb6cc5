// Short, common, easy to say aloud and to spell: a name read over the phone still works.
const ADJECTIVES = (
  'amber brave bright calm clever cosy eager gentle golden happy jolly kind ' +
  'lively lucky merry misty nimble proud quick quiet silver sunny swift witty'
).split(' ');
const ANIMALS = (
  'badger beaver bison crane dolphin falcon ferret gecko heron koala lemur lynx ' +
  'marmot moose otter owl panda puffin raven robin seal tiger walrus wren'
).split(' ');

/**
 * A readable room name nobody is likely to have taken, like `quiet-otter-42`: one of about
 * 56 000 (24 × 24 × 98), drawn with `crypto.getRandomValues`. Not a secret: anyone with the
 * link joins.
 */
export function randomRoomSlug(): string {
  const [adjective, animal, number] = crypto.getRandomValues(new Uint32Array(3));
  const pick = (words: string[], index: number) => words[index % words.length];
  return `${pick(ADJECTIVES, adjective)}-${pick(ANIMALS, animal)}-${(number % 98) + 2}`;
}
