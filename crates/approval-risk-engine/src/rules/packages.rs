//! Package registries: publishing, unpublishing, yanking and dist-tags.

use super::Rule;

pub static RULES: &[Rule] = &[];
