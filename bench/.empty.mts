import { emptyNeo4j } from './lib/neo4j.ts';
import { neo4jConfigFromEnv } from '../src/config.ts';
await emptyNeo4j(neo4jConfigFromEnv()!);
