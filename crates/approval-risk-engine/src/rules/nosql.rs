//! NoSQL stores and caches: MongoDB, Redis, Elasticsearch/OpenSearch, Kafka.

use super::Rule;

pub static RULES: &[Rule] = &[];
