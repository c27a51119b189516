// The array's configured weight path, written by `stampsim rtl cycles` from {{SOURCE}}.
// weight_load_bandwidth {{LOAD_BYTES}} B/cycle of {{CODE_BITS}}-bit weight codes; double_buffered_weights {{DOUBLE_BUFFERED}}.
package stamp_array_pkg;
  localparam int LOAD_WPC = {{LOAD_WPC}};
  localparam bit DOUBLE_BUF = 1'b{{DOUBLE_BUF}};
endpackage
