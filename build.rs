//! The shipped `cases/` directory is compiled into the binary (include_dir). Cargo cannot
//! see that dependency through the macro, so tell it here: editing a case rebuilds.
fn main() {
    println!("cargo:rerun-if-changed=cases");
}
