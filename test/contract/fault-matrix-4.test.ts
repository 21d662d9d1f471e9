/** The fault matrix (./fault-matrix.ts), part 4 of 4 of the write scenarios (./fault-scenarios.ts). */
import { describeFaultMatrix } from './fault-matrix';

describeFaultMatrix(3, 4);
