/** The fault matrix (./fault-matrix.ts), part 1 of 4 of the write scenarios (./fault-scenarios.ts). */
import { describeFaultMatrix } from './fault-matrix';

describeFaultMatrix(0, 4);
