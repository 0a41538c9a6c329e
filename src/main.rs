fn main() {
    #[cfg(target_arch = "wasm32")]
    tieuchi::ui::start();
}
