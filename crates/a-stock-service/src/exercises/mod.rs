//! The exercises at the end of the chapter.
