import { getManyOperation } from '../../helpers/getMany';

export const { description, execute } = getManyOperation('department', async (client) => await client.listDepartments());
