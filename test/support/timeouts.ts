// A test against real PostgreSQL and Kafka starts an API or the whole system in its hooks:
// seconds on a quiet machine, several times that on a loaded one (Jest's default is 5 s).
jest.setTimeout(30_000);
