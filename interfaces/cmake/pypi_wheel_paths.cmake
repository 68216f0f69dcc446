# Injected by robot/interfaces_build.py (CMAKE_PROJECT_INCLUDE) when building against the ros-* wheels from PyPI.
# Those wheels' exported *__rosidl_generator_py targets name the Python and NumPy include folders of the
# machine that built them (/opt/python/cp311-cp311/...), which do not exist here, and CMake refuses to
# generate. At the end of the directory, after every find_package, point them at this interpreter's folders.
# A real ROS install never loads this file.
find_package(Python3 REQUIRED COMPONENTS Interpreter Development NumPy)

function(_armstack_fix_wheel_include_dirs)
  get_directory_property(_targets IMPORTED_TARGETS)
  foreach(_target IN LISTS _targets)
    get_target_property(_dirs ${_target} INTERFACE_INCLUDE_DIRECTORIES)
    if(NOT _dirs)
      continue()
    endif()
    set(_fixed "")
    foreach(_dir IN LISTS _dirs)
      if(_dir MATCHES "^/opt/python/.*/numpy/")
        list(APPEND _fixed "${Python3_NumPy_INCLUDE_DIRS}")
      elseif(_dir MATCHES "^/opt/python/.*/include/python")
        list(APPEND _fixed "${Python3_INCLUDE_DIRS}")
      else()
        list(APPEND _fixed "${_dir}")
      endif()
    endforeach()
    set_target_properties(${_target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${_fixed}")
  endforeach()
endfunction()

cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL _armstack_fix_wheel_include_dirs)
