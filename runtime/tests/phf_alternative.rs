//! The phf-keyed variant of the typed lookup, kept for the benchmark that
//! chose the dense array (docs/PERFORMANCE.md), answers like the array on
//! every input of `route`. Built only with `--features bench-alternatives`
//! (CI runs it).
#![cfg(feature = "bench-alternatives")]

use coex_runtime::{route, route_via_phf, Client, Homed, Mode, Scope};

#[test]
fn phf_variant_agrees_with_the_array_on_every_route_input() {
    let mut checked = 0;
    for sender_mode in Mode::ALL {
        for sender_client in Client::ALL {
            for sender_homed in Homed::ALL {
                for recipient_mode in Mode::ALL {
                    for scope in Scope::ALL {
                        let array = route(
                            sender_mode,
                            sender_client,
                            sender_homed,
                            recipient_mode,
                            scope,
                        );
                        let phf = route_via_phf(
                            sender_mode,
                            sender_client,
                            sender_homed,
                            recipient_mode,
                            scope,
                        );
                        assert_eq!(array, phf);
                        checked += 1;
                    }
                }
            }
        }
    }
    assert_eq!(checked, 5 * 2 * 2 * 5 * 2);
}
