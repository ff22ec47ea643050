/** Stands in for Node-only modules (fs, less, miniprogram-compiler) miniprogram-simulate never uses in the browser. */
export default {};
