import { loadConfig } from '@fanfare/config';
import { ormOptions } from './orm.js';

/** Configuration the MikroORM CLI loads (`MIKRO_ORM_CLI_CONFIG=./db/src/orm.config.ts`). */
export default ormOptions(loadConfig().databaseUrl);
