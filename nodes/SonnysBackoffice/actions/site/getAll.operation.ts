import { getManyOperation } from '../../helpers/getMany';

export const { description, execute } = getManyOperation('site', async (client) => await client.listSites());
