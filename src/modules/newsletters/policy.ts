import { definePolicy } from '../../core/authz.ts';
import { type List, writesList } from './service/lists.ts';

export const newsletterPolicy = definePolicy({
  /** Writing and sending a list's issues, and seeing its subscriber numbers: those who write in its owner's name. */
  'newsletters.write': (actor, list: List) => writesList(actor, list),
});
