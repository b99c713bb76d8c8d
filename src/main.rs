//! Browser entry point: mounts the Approval Risk Explainer on the page's `<body>`.

fn main() {
    yew::Renderer::<approval_risk_web::App>::new().render();
}
