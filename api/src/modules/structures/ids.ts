// Structure ids: see ../../ids.ts.
import { decodeId } from '../../ids.ts';

export const decodeStructureId = (globalId: string, field = 'id') => decodeId(globalId, 'Structure', field);
