import type { Facts, KindContext } from '../facts.js';
import type { Spec } from '../question.js';
import type { Kind } from '../topics.js';
import { countsSpecs } from './counts.js';
import { fewerSpecs } from './fewer.js';
import { fitsSpecs } from './fits.js';
import { modeSpecs } from './mode.js';
import { moverSpecs } from './mover.js';
import { nextSpecs } from './next.js';
import { reverseSpecs } from './reverse.js';
import { whereSpecs } from './where.js';

/** Every question of one kind about one lesson, unbuilt, in a fixed order. */
export type KindSpecs = (f: Facts, ctx: KindContext) => Spec[];

/** One entry per kind: a kind added to KINDS without its module here does not compile. */
export const KIND_SPECS: Record<Kind, KindSpecs> = {
  counts: countsSpecs,
  mover: moverSpecs,
  mode: modeSpecs,
  next: nextSpecs,
  where: whereSpecs,
  fits: fitsSpecs,
  fewer: fewerSpecs,
  reverse: reverseSpecs,
};
