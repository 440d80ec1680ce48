/**
 * `compromise`, loaded from its one-file build. Its ES-module entry is some 440 files, each of
 * which the module loader resolves and reads on its own: importing it took 0.55–0.7 s of every
 * process's start, the one-file build 0.2 s. Both are built from the same sources of the same
 * version. Every module that tags or reads compromise's lexicon imports it from here, so that
 * they share one instance (its lexicon, its tagger's compiled patterns).
 */
import { createRequire } from 'node:module';
import type nlpOfTypes from 'compromise';

// The package's `require` condition is the one-file build (`builds/three/compromise-three.cjs`).
const nlp: typeof nlpOfTypes = createRequire(import.meta.url)('compromise');

export default nlp;
