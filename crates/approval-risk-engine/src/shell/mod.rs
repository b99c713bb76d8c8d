//! Shell: tokens, then simple commands with wrappers unwrapped, variables resolved and the
//! working directory tracked.

pub mod command;
pub mod inline;
pub mod lexer;

pub use command::{normal_path, parse_commands, Arg, Command, Input, ShellState};
