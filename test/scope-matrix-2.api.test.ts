import { scopeMatrix } from './helpers/scope-matrix.ts';

// The authorization matrix, part 2 of 2 (see test/helpers/scope-matrix.ts).
scopeMatrix(1, 2);
