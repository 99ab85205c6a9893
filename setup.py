"""The one compiled part: the diacritic decoder's search (diacritics/_search.pyx),
built by pip at install so that no run compiles or writes beside the code."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(ext_modules=cythonize([Extension("diacritics._search", ["diacritics/_search.pyx"], extra_compile_args=["-O2"])],
                            compiler_directives={"language_level": "3"}))
