import { getManyOperation } from '../../helpers/getMany';

export const { description, execute } = getManyOperation('backofficeUser', async (client) => await client.listBackofficeUsers());
