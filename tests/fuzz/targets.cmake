# The fuzz targets, one line each:
#
#   hall_fuzz_target(<name> <harness>.cpp LIBS <main-tree libraries it exercises>)
#
# <harness>.cpp (here in tests/fuzz) defines LLVMFuzzerTestOneInput. LIBS are main-tree
# targets; their sources and those of the hall_* libraries they link are compiled again with
# clang and libFuzzer's instrumentation, so they must be Qt-free and need nothing beyond the C++
# library (a codec, not a transport). Put a few seed inputs in corpus/<name>/. The target is
# then built with the main tree and run by CTest for ~10 s as fuzz_<name>.
hall_fuzz_target(sam_frame_fuzz sam_frame_fuzz.cpp LIBS hall_drivers_idcard_codec)
hall_fuzz_target(id_text_fuzz id_text_fuzz.cpp LIBS hall_drivers_idcard_codec)
hall_fuzz_target(scanner_fuzz scanner_fuzz.cpp LIBS hall_drivers_scanner_codec)
hall_fuzz_target(atr_apdu_fuzz atr_apdu_fuzz.cpp LIBS hall_drivers_smartcard_codec)
hall_fuzz_target(wav_reader_fuzz wav_reader_fuzz.cpp LIBS hall_drivers_audio_codec)
hall_fuzz_target(escpos_decoder_fuzz escpos_decoder_fuzz.cpp LIBS hall_drivers_printer_codec)
hall_fuzz_target(bus_frame_fuzz bus_frame_fuzz.cpp LIBS hall_drivers_bus_codec hall_drivers_led_codec hall_drivers_keypad_codec)
