/** The fault matrix (./fault-matrix.ts), part 2 of 2 of the write scenarios (./fault-scenarios.ts). */
import { describeFaultMatrix } from './fault-matrix';

describeFaultMatrix(1, 2);
