#pragma once
// Staff photos for the mock hall (--mock, screenshots, the gallery): a drawn portrait per
// staff member, put in the mock's content store under the name the hall configuration's
// `photo` gives, as a hall manager uploads the real ones. Drawn, so no person's likeness is
// shipped: a head and shoulders in the hall's uniform, a background tint per staff member.

namespace hall::client {
class MockBackend;
}

namespace hall::ui {

void addDemoPortraits(client::MockBackend& mock);

} // namespace hall::ui
