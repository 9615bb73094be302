/**
 * Version 7 makes room for the learner's own and imported cards: `cardRevisions` keeps the text a
 * card had before each edit (by card), `media` the images of imported packages (by name). The
 * card fields added with it (origin, contentRev, contentAt, flag, buriedUntil) are optional with
 * defaults (lib/model.ts), so no existing card is rewritten. New tables: nothing to convert.
 */
import type { Migration } from './migration';

export const v7: Migration = { version: 7, stores: { cardRevisions: 'id, cardId', media: 'name' } };
