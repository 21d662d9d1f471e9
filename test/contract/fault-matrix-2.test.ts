/** The fault matrix (./fault-matrix.ts), part 2 of 4 of the write scenarios (./fault-scenarios.ts). */
import { describeFaultMatrix } from './fault-matrix';

describeFaultMatrix(1, 4);
