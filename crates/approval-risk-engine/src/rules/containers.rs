//! Containers: Docker, Podman and Compose.

use super::Rule;

pub static RULES: &[Rule] = &[];
