//! Alignment: which claims speak of the same thing. (Being written.)
